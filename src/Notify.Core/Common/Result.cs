namespace Notify.Common;

/// <summary>Either a value or the <see cref="Problem"/> that stopped it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly record struct Result<T>
{
    private Result(T? value, Problem? problem) => (Value, Problem) = (value, problem);

    /// <summary>The value, when there is no problem.</summary>
    public T? Value { get; }

    /// <summary>The problem, when there is no value.</summary>
    public Problem? Problem { get; }

    /// <summary>A successful result.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static Result<T> Fail(Problem problem) => new(default, problem);

    /// <summary>Lifts a value.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Lifts a problem.</summary>
    public static implicit operator Result<T>(Problem problem) => Fail(problem);
}

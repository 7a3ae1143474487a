namespace Notify.Common;

/// <summary>Collects validation errors keyed by JSON path.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds an error for a path.</summary>
    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            _errors[path] = list = [];
        }
        list.Add(message);
    }

    /// <summary>The validation problem for what was collected.</summary>
    public Problem ToProblem() => Problem.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

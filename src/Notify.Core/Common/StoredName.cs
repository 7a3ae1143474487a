using System.Text.Json;

namespace Notify.Common;

/// <summary>
/// The name a state enum is stored and shown under (<c>timed-out</c>, <c>enqueue-failed</c>): the same name
/// <see cref="Json"/> writes, so a table column, a JSON column and an API answer always agree.
/// </summary>
/// <typeparam name="TEnum">The state enum.</typeparam>
public static class StoredName<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonSerializer.Serialize(v, Json.Options).Trim('"'));

    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Every stored name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TEnum>().Select(v => Names[v])];

    /// <summary>The stored name of <paramref name="value"/>.</summary>
    public static string Of(TEnum value) => Names[value];

    /// <summary>The value stored as <paramref name="name"/>; throws on a name no version of the code wrote.</summary>
    public static TEnum Parse(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new FormatException($"'{name}' is not a stored {typeof(TEnum).Name}.");

    /// <summary>The value stored as <paramref name="name"/>, if it is one.</summary>
    public static bool TryParse(string? name, out TEnum value) => Values.TryGetValue(name ?? "", out value);
}

/// <summary>Shorthand for <see cref="StoredName{TEnum}.Of"/>.</summary>
public static class StoredNameExtensions
{
    /// <summary>The stored name of a state.</summary>
    public static string Stored<TEnum>(this TEnum value) where TEnum : struct, Enum => StoredName<TEnum>.Of(value);
}

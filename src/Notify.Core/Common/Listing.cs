namespace Notify.Common;

/// <summary>One page of a listing, with the token that fetches the next (null on the last page).</summary>
public sealed record Listing<T>(IReadOnlyList<T> Items, string? ContinuationToken);

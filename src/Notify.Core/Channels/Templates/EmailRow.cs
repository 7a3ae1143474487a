namespace Notify.Channels.Templates;

/// <summary>One labelled entry of an e-mail body: a single value, or a list (the order's items).</summary>
internal sealed record EmailRow(string Label, params IReadOnlyList<string> Lines);

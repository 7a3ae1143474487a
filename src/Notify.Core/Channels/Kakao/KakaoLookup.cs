namespace Notify.Channels.Kakao;

/// <summary>The result of asking SOLAPI about a message: the receipt, or why SOLAPI could not say.</summary>
/// <param name="Receipt">The message's receipt; null when SOLAPI does not list it (or could not be asked).</param>
/// <param name="Error">Why SOLAPI could not be asked; null when it answered.</param>
public sealed record KakaoLookup(KakaoReceipt? Receipt, string? Error = null);

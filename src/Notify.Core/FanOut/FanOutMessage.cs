namespace Notify.FanOut;

/// <summary>The fan-out queue's message: ids only, the tables hold the truth.</summary>
public sealed record FanOutMessage(string MerchantId, string OrderId);

namespace Notify.Delivery;

/// <summary>A channel queue's message: send attempt <paramref name="Attempt"/> of the order's confirmation.</summary>
public sealed record SendMessage(string MerchantId, string OrderId, int Attempt);

namespace Notify.Merchants;

/// <summary>Where the merchant hears that a customer could not be reached.</summary>
public sealed record AlertContact(string? Phone, string? Email);

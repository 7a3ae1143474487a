using System.Text;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;
using Notify.Merchants;
using Notify.Storage;

namespace Notify.MerchantConsole;

/// <summary>
/// Console sessions: a signed cookie naming a row that sign-out deletes. A session is the merchant's key presented
/// another way, so it only holds while that key is the merchant's current key.
/// </summary>
public sealed class ConsoleSessionStore(StorageClients storage, IOptions<NotifyOptions> options, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(StorageNames.ConsoleSessionsTable);
    private readonly byte[]? _key = ReadKey(options.Value.ConsoleSessionKey);

    /// <summary>False when <c>Notify:ConsoleSessionKey</c> is not set (or not base64): no session can be made or read.</summary>
    public bool IsConfigured => _key is not null;

    /// <summary>Starts a session for a merchant whose current key was just shown; returns the signed cookie value.</summary>
    public async Task<(string Value, DateTimeOffset ExpiresAt)> StartAsync(Merchant merchant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = new SessionToken(merchant.Id, Ids.NewToken(24), now + options.Value.ConsoleSessionLifetime);
        await ForgetExpiredAsync(merchant.Id, now, ct);
        // An upsert: the id is fresh and random, and a retried write whose first answer was lost must not conflict with itself.
        await _table.UpsertEntityAsync(new ConsoleSessionEntity
        {
            PartitionKey = merchant.Id, RowKey = token.SessionId, KeyHash = merchant.ApiKeyHash, ExpiresAt = token.ExpiresAt,
        }, TableUpdateMode.Replace, ct);
        return (token.Sign(_key!), token.ExpiresAt);
    }

    /// <summary>True when <paramref name="value"/> is a live session of <paramref name="merchant"/> under its current key.</summary>
    public async Task<bool> HoldsAsync(Merchant merchant, string value, CancellationToken ct)
    {
        if (_key is null || SessionToken.Read(value, _key) is not { } token
            || token.MerchantId != merchant.Id || token.ExpiresAt <= clock.GetUtcNow())
        {
            return false;
        }
        var row = await _table.GetEntityIfExistsAsync<ConsoleSessionEntity>(merchant.Id, token.SessionId, cancellationToken: ct);
        return row.HasValue && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(row.Value!.KeyHash), Encoding.ASCII.GetBytes(merchant.ApiKeyHash));
    }

    /// <summary>The merchant id a signed, unexpired cookie value names, without checking storage.</summary>
    public string? MerchantOf(string? value) => Live(value)?.MerchantId;

    /// <summary>When a signed, unexpired cookie value ends.</summary>
    public DateTimeOffset? ExpiryOf(string? value) => Live(value)?.ExpiresAt;

    private SessionToken? Live(string? value) =>
        _key is not null && SessionToken.Read(value, _key) is { } token && token.ExpiresAt > clock.GetUtcNow() ? token : null;

    /// <summary>Ends the session the cookie value names; nothing happens for a value that is not a signed session.</summary>
    public async Task EndAsync(string? value, CancellationToken ct)
    {
        if (_key is not null && SessionToken.Read(value, _key) is { } token && MerchantIds.IsWellFormed(token.MerchantId))
        {
            await _table.DeleteEntityAsync(token.MerchantId, token.SessionId, ETag.All, ct);
        }
    }

    // Sessions are few (a shop signs in a few times a day), so clearing its own expired rows at sign-in keeps the table small.
    private async Task ForgetExpiredAsync(string merchantId, DateTimeOffset now, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and ExpiresAt lt {now}");
        await foreach (var row in _table.QueryAsync<ConsoleSessionEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
    }

    private static byte[]? ReadKey(string base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= 16 ? buffer[..written] : null;
    }
}

namespace Notify.KakaoSandbox.Auth;

/// <summary>Signatures seen in the last 15 minutes: SOLAPI refuses one used twice (DuplicatedSignature).</summary>
internal sealed class SignatureLedger(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Records the signature; false when it was already used within the window.</summary>
    public bool TryUse(string signature)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var stale in _seen.Where(s => now - s.Value > SolapiAuth.Window).Select(s => s.Key).ToList())
            {
                _seen.Remove(stale);
            }
            return _seen.TryAdd(signature, now);
        }
    }
}

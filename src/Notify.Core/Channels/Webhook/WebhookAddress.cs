using System.Net;
using System.Net.Sockets;

namespace Notify.Channels.Webhook;

/// <summary>
/// Where Notify may post a merchant's webhook: an https URL on a public address. Checked when a merchant's URL is set
/// (<see cref="Check"/>) and again on every connection (<see cref="ConnectAsync"/>), because a name can resolve to a
/// private address later. Private, loopback and link-local targets are allowed only with
/// <c>Notify__AllowPrivateWebhooks</c> (local development).
/// </summary>
public static class WebhookAddress
{
    /// <summary>The longest URL accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>The URL, or why it is refused.</summary>
    public static (Uri? Url, string? Error) Check(string raw, bool allowPrivate)
    {
        if (raw.Length is 0 or > MaxLength || raw.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return (null, $"Use an absolute https URL of at most {MaxLength} characters, without spaces or control characters.");
        }
        // Plain http only to a local receiver in development: anything that crosses a network is encrypted.
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttps && !(allowPrivate && url.Scheme == Uri.UriSchemeHttp && IsPrivateName(url)))
        {
            return (null, "Use an absolute https URL (http only for a local receiver in development).");
        }
        if (url.UserInfo.Length > 0 || RawAuthority(raw).Contains('@'))
        {
            return (null, "A webhook URL may not carry a user name or password.");
        }
        if (!allowPrivate && IsPrivateName(url))
        {
            return (null, "A webhook URL must point at a public address (not loopback, private, link-local or multicast).");
        }
        return (url, null);
    }

    /// <summary>True for an address anyone on the internet could reach: not loopback, private, link-local, CGNAT, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 or >= 224                   // this network, private, loopback, multicast and reserved
                     || b[0] == 100 && (b[1] & 0xC0) == 64                // 100.64.0.0/10 carrier-grade NAT
                     || b[0] == 169 && b[1] == 254                        // link-local (cloud metadata)
                     || b[0] == 172 && (b[1] & 0xF0) == 16                // 172.16.0.0/12
                     || b[0] == 192 && b[1] == 168                        // 192.168.0.0/16
                     || b[0] == 192 && b[1] == 0 && b[2] is 0 or 2        // IETF protocol assignments, documentation
                     || b[0] == 198 && (b[1] & 0xFE) == 18                // benchmarking
                     || b[0] == 198 && b[1] == 51 && b[2] == 100
                     || b[0] == 203 && b[1] == 0 && b[2] == 113);
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        if (Embedded(b) is { } v4)
        {
            return IsPublic(v4);
        }
        return !(IPAddress.IPv6Any.Equals(address) || IPAddress.IPv6Loopback.Equals(address)
                 || (b[0] & 0xFE) == 0xFC                                   // fc00::/7 unique local
                 || b[0] == 0xFE && (b[1] & 0x80) == 0x80                   // fe80::/10 link-local, fec0::/10 site-local
                 || b[0] == 0xFF                                            // multicast
                 || b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8  // documentation
                 || b.AsSpan(0, 8).SequenceEqual(new byte[] { 0x01, 0, 0, 0, 0, 0, 0, 0 })); // discard-only 100::/64
    }

    /// <summary>
    /// Opens the connection for the webhook HttpClient: resolves the host, refuses when any address it resolves to is not
    /// public (unless <paramref name="allowPrivate"/>), and connects to the checked address itself, so a second lookup
    /// cannot swap in another.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, ct);
        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException($"{target.Host} does not resolve.");
        }
        if (!allowPrivate && addresses.Any(a => !IsPublic(a)))
        {
            throw new WebhookAddressRefusedException($"{target.Host} resolves to an address that is not public.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, target.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The authority as typed ("https://@host" has an empty user name that System.Uri does not report).
    private static string RawAuthority(string raw)
    {
        var start = raw.IndexOf("//", StringComparison.Ordinal) + 2;
        var end = raw.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? raw[start..] : raw[start..end];
    }

    // IPv4 carried inside IPv6: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96 and 6to4 2002::/16.
    private static IPAddress? Embedded(byte[] b)
    {
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
        {
            return new IPAddress(b.AsSpan(12, 4));
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(b.AsSpan(12, 4));
        }
        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4)) : null;
    }

    // The host as written may be an IP in any spelling (2130706433, 0x7f.1, 0177.0.0.1, [::ffff:127.0.0.1]) or a
    // local-only name; System.Uri and IPAddress both read the numeric spellings, so either one recognising it is enough.
    private static bool IsPrivateName(Uri url)
    {
        var host = url.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var bare = host.StartsWith('[') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out var address))
        {
            return !IsPublic(address);
        }
        // Every label numeric (or hex): a spelling of an address some resolver may accept even if IPAddress does not.
        return host.Split('.').All(label => label.Length > 0 && (label.All(char.IsAsciiDigit)
            || label.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && label[2..].All(char.IsAsciiHexDigit)));
    }
}

/// <summary>The webhook's host is, or resolves to, an address Notify may not connect to.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);

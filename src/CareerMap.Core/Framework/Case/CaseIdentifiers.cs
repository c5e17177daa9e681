using System.Security.Cryptography;
using System.Text;

namespace CareerMap.Framework.Case;

/// <summary>
/// CASE identifiers CareerMap makes itself: name-based UUIDs (RFC 9562 version 5), so the same framework item gets the
/// same identifier in every export, on every instance, until an imported package gives it another.
/// </summary>
public static class CaseIdentifiers
{
    static readonly Guid Url = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>CareerMap's own namespace, under which a framework's document identifier is made from its organization's code.</summary>
    public static readonly string Root = Of(Url.ToString(), "urn:careermap:case");

    /// <summary>The version-5 UUID of <paramref name="name"/> in the namespace <paramref name="space"/> (itself a UUID), in lower case.</summary>
    public static string Of(string space, string name)
    {
        var ns = Guid.Parse(space).ToByteArray(bigEndian: true);
        // Version 5 is defined on SHA-1; it names things, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(name)]);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    public static bool IsUuid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);
}

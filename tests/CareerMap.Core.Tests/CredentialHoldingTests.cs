using CareerMap.People;

namespace CareerMap.Core.Tests;

/// <summary>The one holding rule: the plain list counts without a dated record; a dated record counts until its last valid day.</summary>
public sealed class CredentialHoldingTests
{
    static readonly DateOnly Today = new(2026, 11, 2);
    const string Cpht = "Certified Pharmacy Technician";

    [Theory]
    [InlineData(true, null, false, true)]
    [InlineData(false, null, false, false)]
    [InlineData(false, 0, true, true)]
    [InlineData(false, 1, true, true)]
    [InlineData(true, -1, true, false)]
    [InlineData(false, -1, true, false)]
    public void A_credential_is_held_when_listed_without_a_record_or_recorded_and_not_yet_expired(bool listed, int? expiresInDays, bool recorded, bool held)
    {
        (string, DateOnly?)[] records = recorded ? [(Cpht.ToUpperInvariant(), expiresInDays is int d ? Today.AddDays(d) : null)] : [];
        var result = CredentialHolding.Of(listed ? [Cpht] : [], records, Today);
        Assert.Equal(held, result.Held.Contains(Cpht));
        Assert.Equal(expiresInDays < 0, result.Expired.ContainsKey(Cpht));
    }

    [Fact]
    public void A_record_that_never_expires_is_held()
    {
        var result = CredentialHolding.Of([], [(Cpht, null)], Today);
        Assert.Contains(Cpht, result.Held);
        Assert.Empty(result.Expired);
    }
}

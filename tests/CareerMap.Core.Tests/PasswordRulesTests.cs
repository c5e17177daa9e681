using CareerMap.Accounts;

namespace CareerMap.Core.Tests;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("password12")]
    [InlineData("Password2024!")]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("!!dragon2024")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("careermap-2026")]
    [InlineData("jsmith-rules-ok")]
    public void Common_repetitive_or_personal_passwords_are_refused(string password) =>
        Assert.NotNull(CommonPasswords.Problem(password, "jsmith@riverbend.example"));

    [Theory]
    [InlineData("test-password-42")]
    [InlineData("correct horse battery staple")]
    [InlineData("pharmacy-tech-on-tuesdays")]
    public void A_phrase_of_ones_own_is_accepted(string password) =>
        Assert.Null(CommonPasswords.Problem(password, "jsmith@riverbend.example"));
}

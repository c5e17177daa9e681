using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

public sealed class JobDescriptionsApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Posting = """
        Member Advocate

        Reports To: Supervisor, Member Services
        FLSA Status: Non-Exempt
        Effective Date: March 1, 2025

        Summary
        Untangles members' claims, eligibility and pharmacy problems from the first call to the last.

        Essential Duties:Answer member calls about claims and billing questionsEscalate urgent cases to a supervisorExplain eligibility and coverage in plain language

        Qualifications
        - Two years of member services experience.
        - Bilingual English and Spanish preferred.

        This job description is not intended to be an exhaustive list of duties.
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_pasted_description_comes_back_structured_and_nothing_is_stored(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var before = await hr.GetStringAsync("/api/audit/export.csv", Ct);

        var answer = await hr.PostAsync("/api/job-descriptions/parse", new FormUrlEncodedContent([new("text", Posting)]), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var doc = Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("documents").EnumerateArray());
        Assert.Equal("Member Advocate", doc.GetProperty("title").GetString());
        var header = doc.GetProperty("header");
        Assert.Equal(("Supervisor, Member Services", "Non-Exempt", "2025-03-01"),
            (header.GetProperty("reportsTo").GetString(), header.GetProperty("flsaStatus").GetString(), header.GetProperty("effectiveDate").GetString()));
        Assert.Equal(["Answer member calls about claims and billing questions", "Escalate urgent cases to a supervisor", "Explain eligibility and coverage in plain language"],
            doc.GetProperty("responsibilities")[0].GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["Spanish"], doc.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("not intended to be an exhaustive list", doc.GetProperty("disclaimers")[0].GetString());
        var claims = doc.GetProperty("competencies").EnumerateArray().First(c => c.GetProperty("code").GetString() == "CLAIMS");
        Assert.Contains(claims.GetProperty("matchedWords").EnumerateArray(), w => w.GetString()!.Contains("claims", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(claims.GetProperty("evidence").EnumerateArray());

        Assert.Equal(before, await hr.GetStringAsync("/api/audit/export.csv", Ct));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unreadable_file_is_a_400_naming_the_file_and_the_reason(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        async Task<string> Refusal(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            var answer = await hr.PostAsync("/api/job-descriptions/parse", form, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("file")[0].GetString()!;
        }
        Assert.Equal("jd.docx: not a readable Word .docx file (InvalidDataException)", await Refusal(Encoding.UTF8.GetBytes("not a zip"), "jd.docx"));
        Assert.StartsWith("jd.pdf: not a readable PDF", await Refusal(Encoding.UTF8.GetBytes("%PDF-1.4 garbage"), "jd.pdf"));
        Assert.Equal("jd.txt: the file is empty", await Refusal([], "jd.txt"));
        Assert.Contains("larger than 5 MB", await Refusal(new byte[6 * 1024 * 1024], "big.txt"));
        var employee = await app.SignedInAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync("/api/job-descriptions/parse", new FormUrlEncodedContent([new("text", Posting)]), Ct)).StatusCode);
    }
}

using CareerMap.Framework;
using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerMap.Api;

/// <summary>Job descriptions: structure one and tie it to the framework's competencies (a dry run that stores nothing).</summary>
public static class JobDescriptionsApi
{
    public static IEndpointRouteBuilder MapJobDescriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/job-descriptions").RequireAuthorization(Policies.HrAdmin).WithTags("Job descriptions");
        api.MapPost("/parse", Parse).DisableAntiforgery()
            .WithSummary("Structures a job description (.txt, .docx or .pdf as multipart field 'file', or pasted text as form field 'text'); stores nothing (HR admin)");
        return app;
    }

    static async Task<Results<Ok<JdParseResult>, ValidationProblem>> Parse(HttpRequest request, FrameworkService framework, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problem("file", "send the description as multipart/form-data: a file in the field 'file', or pasted text in the field 'text'");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problem("file", $"the form can't be read: {e.Message}");
        }
        var matcher = new CompetencyMatcher((await framework.ExportAsync(ct)).Competencies);
        try
        {
            if (form.Files.GetFile("file") is { } file)
            {
                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(JobDescriptionFiles.Parse(stream, file.FileName, matcher));
            }
            if (form["text"].ToString() is { Length: > 0 } text)
                return TypedResults.Ok(JobDescriptionParser.Parse(text, matcher));
            return Problem("file", "attach the description as the form field 'file' (.txt, .docx, .pdf) or paste it into the field 'text'");
        }
        catch (JobDescriptionFormatException e)
        {
            var file = form.Files.GetFile("file");
            return Problem(file is null ? "text" : "file", (file is null ? "" : $"{file.FileName}: ") + e.Message);
        }
    }

    static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The job description can't be read");
}

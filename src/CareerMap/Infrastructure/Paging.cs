using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerMap.Infrastructure;

/// <summary>A page of a list, as every list endpoint reads it: page 1 to <see cref="MaxPage"/>, pageSize 1 to <see cref="MaxPageSize"/>.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    /// <summary>Far past any real list, and small enough that the rows to skip always fit (never wrapping round to page 1).</summary>
    public const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * Size;

    /// <summary>The page asked for, or the problem with it.</summary>
    public static (Paging Paging, ValidationProblem? Problem) Read(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > MaxPage) errors["page"] = [$"page must be between 1 and {MaxPage:N0}"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}"];
        return (new(page ?? 1, pageSize ?? DefaultPageSize), errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null);
    }
}

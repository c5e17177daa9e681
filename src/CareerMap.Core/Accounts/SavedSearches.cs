using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace CareerMap.Accounts;

/// <summary>A talent search someone kept under a name: the role it ranks for and its conditions, as the query the page and API read.</summary>
public sealed class SavedSearch
{
    public int Id { get; set; }
    public required string AccountId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Query { get; set; }
    public DateTime SavedAt { get; set; }
}

sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("saved_searches");
        b.HasIndex(x => new { x.AccountId, x.Name }).IsUnique();
        b.Property(x => x.AccountId).HasMaxLength(450);
        b.Property(x => x.Name).HasMaxLength(SavedSearches.NameLength);
        b.Property(x => x.Role).HasMaxLength(64);
        b.Property(x => x.Query).HasMaxLength(SavedSearches.QueryLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A saved search as its owner sees it, with the address that runs it again.</summary>
public sealed record SavedSearchView(int Id, string Name, string Role, string Query, DateTime SavedAt)
{
    public string Url => $"/roles/{Uri.EscapeDataString(Role)}/candidates{(Query.Length > 0 ? "?" + Query : "")}";
}

/// <summary>Each person's own saved talent searches; nobody reads another's. Saving under a name already used replaces it.</summary>
public sealed class SavedSearches(CareerMapDb db, TimeProvider clock)
{
    public const int NameLength = 100, QueryLength = 2000;

    public async Task<IReadOnlyList<SavedSearchView>> MineAsync(string accountId, CancellationToken ct = default) =>
        [.. (await db.Set<SavedSearch>().AsNoTracking().Where(s => s.AccountId == accountId).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(View)];

    /// <returns>The search as saved, or the field and reason it was refused for.</returns>
    public async Task<(SavedSearchView? Saved, string? Field, string? Problem)> SaveAsync(string accountId, string? name, string role, string query, IStringLocalizer L,
        CancellationToken ct = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) return (null, "name", L["give the search a name"]);
        if (name.Length > NameLength) return (null, "name", L["a name is at most {0} characters", NameLength]);
        if (query.Length > QueryLength) return (null, "query", L["a saved search is at most {0} characters of conditions", QueryLength]);
        var search = await db.Set<SavedSearch>().FirstOrDefaultAsync(s => s.AccountId == accountId && s.Name == name, ct);
        if (search is null) db.Add(search = new SavedSearch { AccountId = accountId, Name = name, Role = role, Query = query });
        (search.Role, search.Query, search.SavedAt) = (role, query, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (View(search), null, null);
    }

    public async Task<bool> DeleteAsync(string accountId, int id, CancellationToken ct = default) =>
        await db.Set<SavedSearch>().Where(s => s.AccountId == accountId && s.Id == id).ExecuteDeleteAsync(ct) > 0;

    static SavedSearchView View(SavedSearch s) => new(s.Id, s.Name, s.Role, s.Query, s.SavedAt);
}

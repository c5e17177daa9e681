using CareerMap.Accounts;
using CareerMap.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareerMap.Pages.Me;

/// <summary>The person's inbox, newest first, and how each kind of notification reaches them.</summary>
public sealed class NotificationsModel(Inbox inbox, CurrentAccount account, IOptions<MailOptions> mail, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Unread { get; private set; }
    public IReadOnlyDictionary<NotificationKind, Delivery> Chosen { get; private set; } = new Dictionary<NotificationKind, Delivery>();
    public bool MailOn => mail.Value.Enabled;
    public bool IsEmployee => account.EmployeeId is not null;
    [TempData] public string? Saved { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (account.EmployeeId is not int me) return;
        (Items, Total) = await inbox.ListAsync(me, PageNumber, ct);
        Unread = await inbox.UnreadAsync(me, ct);
        Chosen = await inbox.PreferencesAsync(me, ct);
    }

    /// <summary>Follows a notification to its page, marking it read on the way.</summary>
    public async Task<IActionResult> OnGetOpenAsync(long id, CancellationToken ct) =>
        account.EmployeeId is int me && await inbox.OpenAsync(me, id, ct) is { } link ? LocalRedirect(link) : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        if (account.EmployeeId is int me) Saved = L["Marked {0} as read.", await inbox.ReadAllAsync(me, ct)];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        if (account.EmployeeId is not int me) return NotFound();
        var choices = Enum.GetValues<NotificationKind>().Select(WireNames.Of).Where(k => Request.Form.ContainsKey(k)).ToDictionary(k => k, k => (string?)Request.Form[k].ToString());
        var errors = await inbox.ChooseAsync(me, choices, ct);
        if (errors.Count > 0)
        {
            foreach (var (field, reasons) in errors) ModelState.AddModelError(field, string.Join(" ", reasons));
            await OnGetAsync(ct);
            return Page();
        }
        Saved = L["Your notification settings are saved."];
        return RedirectToPage();
    }
}

using CareerMap.Accounts;
using CareerMap.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread);

public sealed record ReadResult(int Marked);

/// <summary>Your own notifications and how each kind reaches you. An account that is not an employee has none.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me").RequireAuthorization().WithTags("Notifications");
        mine.MapGet("/notifications", List).WithSummary("Your notifications, newest first, 50 a page, with how many are unread");
        mine.MapPost("/notifications/{id:long}/read", Read).WithSummary("Marks one of your notifications read");
        mine.MapPost("/notifications/read", ReadAll).WithSummary("Marks all your notifications read; answers how many were unread");
        mine.MapGet("/notification-preferences", Preferences)
            .WithSummary("How each kind of notification reaches you beyond the inbox: email (each time), weekly-digest or inbox-only");
        mine.MapPut("/notification-preferences", Choose)
            .WithSummary("Sets the delivery of the kinds you name ({\"plan-submitted\": \"weekly-digest\"}); kinds you leave out keep theirs");
        return app;
    }

    static async Task<Results<Ok<NotificationPage>, NotFound<ProblemDetails>>> List(CurrentAccount account, Inbox inbox, CancellationToken ct, int page = 1)
    {
        if (account.EmployeeId is not int me) return NoInbox();
        var (items, total) = await inbox.ListAsync(me, page, ct);
        return TypedResults.Ok(new NotificationPage(items, total, await inbox.UnreadAsync(me, ct)));
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>>> Read(long id, CurrentAccount account, Inbox inbox, CancellationToken ct) =>
        account.EmployeeId is not int me ? NoInbox()
        : await inbox.OpenAsync(me, id, ct) is null ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"you have no notification {id}" })
        : TypedResults.NoContent();

    static async Task<Results<Ok<ReadResult>, NotFound<ProblemDetails>>> ReadAll(CurrentAccount account, Inbox inbox, CancellationToken ct) =>
        account.EmployeeId is not int me ? NoInbox() : TypedResults.Ok(new ReadResult(await inbox.ReadAllAsync(me, ct)));

    static async Task<Results<Ok<IReadOnlyDictionary<NotificationKind, Delivery>>, NotFound<ProblemDetails>>> Preferences(CurrentAccount account, Inbox inbox,
        CancellationToken ct) =>
        account.EmployeeId is not int me ? NoInbox() : TypedResults.Ok(await inbox.PreferencesAsync(me, ct));

    static async Task<Results<Ok<IReadOnlyDictionary<NotificationKind, Delivery>>, ValidationProblem, NotFound<ProblemDetails>>> Choose(
        Dictionary<string, string?> choices, CurrentAccount account, Inbox inbox, CancellationToken ct)
    {
        if (account.EmployeeId is not int me) return NoInbox();
        var errors = await inbox.ChooseAsync(me, choices, ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await inbox.PreferencesAsync(me, ct));
    }

    static NotFound<ProblemDetails> NoInbox() =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = "this account is not an employee's, so it has no notifications" });
}

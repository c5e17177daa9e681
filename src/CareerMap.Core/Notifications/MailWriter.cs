using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;

namespace CareerMap.Notifications;

/// <summary>The e-mails: plain text and HTML saying the same, in the language the caller set (<see cref="InLanguage"/>), with a link to the page.</summary>
static class MailWriter
{
    const int SubjectLength = 160;

    public static OutboxMail Single(Notification n, string to, string language, MailOptions options, DateTime now, IStringLocalizer L)
    {
        var sentence = StoredWords.Phrase(n.Text, L);
        var url = Url(options, n.Link);
        var text = new StringBuilder().Append(sentence).Append("\n\n").Append(L["Open in CareerMap: {0}", url]).Append("\n\n").Append(Footer(options, L)).ToString();
        var html = new StringBuilder().Append("<p>").Append(Html(sentence)).Append("</p>\n")
            .Append("<p><a href=\"").Append(Html(url)).Append("\">").Append(Html(L["Open in CareerMap"])).Append("</a></p>\n").Append(HtmlFooter(options, L)).ToString();
        return Queued($"notification:{n.Key}", to, language, Subject(sentence), text, html, now);
    }

    public static OutboxMail Digest(string key, IReadOnlyList<Notification> notifications, string to, string language, MailOptions options, DateTime now, IStringLocalizer L)
    {
        var text = new StringBuilder().Append(L["What happened in CareerMap since your last digest:"]).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(Html(L["What happened in CareerMap since your last digest:"])).Append("</p>\n<ul>\n");
        foreach (var n in notifications)
        {
            var sentence = StoredWords.Phrase(n.Text, L);
            var url = Url(options, n.Link);
            text.Append("- ").Append(sentence).Append("\n  ").Append(url).Append('\n');
            html.Append("<li>").Append(Html(sentence)).Append(" <a href=\"").Append(Html(url)).Append("\">").Append(Html(L["Open in CareerMap"])).Append("</a></li>\n");
        }
        text.Append('\n').Append(Footer(options, L));
        html.Append("</ul>\n").Append(HtmlFooter(options, L));
        var subject = notifications.Count == 1 ? L["Your CareerMap digest: 1 notification"] : L["Your CareerMap digest: {0} notifications", notifications.Count];
        return Queued(key, to, language, subject, text.ToString(), html.ToString(), now);
    }

    static OutboxMail Queued(string key, string to, string language, string subject, string text, string html, DateTime now) =>
        new() { Key = key, To = to, Language = language, Subject = subject, Text = text, Html = html, CreatedAt = now, NextAttemptAt = now };

    static string Subject(string sentence) => sentence.Length <= SubjectLength ? sentence : string.Concat(sentence.AsSpan(0, SubjectLength - 1), "…");

    static string Url(MailOptions options, string link) => options.SiteUrl.TrimEnd('/') + link;

    static string Footer(MailOptions options, IStringLocalizer L) => "-- \n" + L["You get this e-mail because of your notification settings, which you can change here: {0}", Url(options, Inbox.Page)];

    static string HtmlFooter(MailOptions options, IStringLocalizer L) =>
        $"<hr>\n<p style=\"color:#555;font-size:small\">{Html(L["You get this e-mail because of your notification settings."])} <a href=\"{Html(Url(options, Inbox.Page))}\">{Html(L["Change them"])}</a></p>\n";

    static string Html(string text) => WebUtility.HtmlEncode(text);
}

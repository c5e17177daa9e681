namespace CareerMap.Notifications;

/// <summary>
/// The SMTP server notifications are sent through (configuration section <c>Mail</c>). E-mail is off while <see cref="Host"/>
/// or <see cref="From"/> is unset: people still get their inbox.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's words).</summary>
    public string Security { get; set; } = "Auto";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public string FromName { get; set; } = "CareerMap";
    /// <summary>Where people open CareerMap ("https://careermap.example.org"), for the links in e-mails.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5080";
    /// <summary>The language of e-mails to people who never chose one (the organization's default).</summary>
    public string DefaultLanguage { get; set; } = "en";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

using CareerMap.Audit;

namespace CareerMap.Infrastructure;

/// <summary>Changes made through the web app are the signed-in account's.</summary>
sealed class SignedInActor(IHttpContextAccessor http) : IAuditActor
{
    public string Name => http.HttpContext?.User.Identity?.Name ?? "anonymous";
}

/// <summary>Changes made from the command line are the operating-system user's.</summary>
sealed class CommandLineActor : IAuditActor
{
    public string Name { get; } = $"cli:{Environment.UserName}";
}

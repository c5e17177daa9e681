namespace CareerMap.Infrastructure;

public static class Policies
{
    public const string HrAdmin = "HrAdmin";
    public const string Scim = "Scim";
    public const string Xapi = "Xapi";
}

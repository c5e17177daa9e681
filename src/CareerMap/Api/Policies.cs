namespace CareerMap.Api;

public static class Policies
{
    public const string HrAdmin = "HrAdmin";
}

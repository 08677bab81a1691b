namespace Folio.Features.Accounts;

/// <summary>Everyone who signs up is a reader; the rest are earned or granted.</summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Creator = "creator";
    public const string Trusted = "trusted";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static readonly string[] All = [Reader, Creator, Trusted, Moderator, Admin];
}

using Folio.Features.People;

namespace Folio.Features.Api;

/// <summary>
/// An account as admins see it. `standing` is `active`, `unconfirmed` (email not confirmed), `suspended` (until
/// `suspendedUntil`) or `banned`; `reason` is what the person is told.
/// </summary>
public sealed record ApiPerson(
    string Username,
    string DisplayName,
    string Email,
    DateTime JoinedAt,
    IReadOnlyList<string> Roles,
    string Standing,
    DateTime? SuspendedUntil,
    string? Reason)
{
    public static ApiPerson From(PersonRow row) => new(row.UserName, row.DisplayName, row.Email, row.JoinedAt, row.Roles,
        row.Standing.Key, row.Standing.Until, row.Standing.Reason);
}

/// <summary>A page of accounts, newest first; `page` counts from 1.</summary>
public sealed record ApiPeoplePage(IReadOnlyList<ApiPerson> Items, int Page, int TotalPages, int TotalCount);

/// <summary>A suspension: either `days` (1–3650) or `until` (a UTC time in the future), and the `reason` the person sees (1–500 characters).</summary>
public sealed record SuspendRequest(int? Days, DateTime? Until, string? Reason);

/// <summary>A ban, with the `reason` the person sees (1–500 characters).</summary>
public sealed record BanRequest(string? Reason);

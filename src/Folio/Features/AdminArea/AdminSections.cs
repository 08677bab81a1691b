namespace Folio.Features.AdminArea;

public sealed record AdminSection(string Name, string Href, string Description, bool ModeratorsToo);

/// <summary>The sections of /admin, in the order the admin header lists them; moderators see only theirs.</summary>
public static class AdminSections
{
    public static readonly IReadOnlyList<AdminSection> All =
    [
        new("Site", "/admin/site", "The site's name, description, logo, colour, links, pages and who may sign up.", false),
        new("Communities", "/admin/communities", "Create, brand, edit and archive communities.", false),
        new("People", "/admin/people", "Find accounts, grant roles, suspend or ban.", false),
        new("Challenges", "/admin/challenges", "Writing contests: the prompt, the dates, the rules, the judges and the prizes.", true),
        new("Moderation", "/moderation", "Stories waiting for review and reported stories and comments.", true),
        new("Audit log", "/admin/audit", "Every action admins and moderators took, with what changed.", true),
        new("Webhooks", "/admin/webhooks", "Signed messages to other services when something happens.", false),
    ];

    public static IEnumerable<AdminSection> For(bool admin) => All.Where(s => admin || s.ModeratorsToo);
}

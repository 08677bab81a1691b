using System.CommandLine;
using Folio.Data;
using Folio.Features.Communities;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Admin;

/// <summary>`community add`: a new community at /{slug}, ready for stories.</summary>
public static class CommunityCommands
{
    public static Command Create(AdminHost host) => new("community", "Create communities.") { Add(host) };

    private static Command Add(AdminHost host)
    {
        var slug = new Option<string>("--slug") { Required = true, Description = $"The address, /{{slug}}: {CommunitySlugRules.Requirement}." };
        slug.Validators.Add(result =>
        {
            if (CommunitySlugRules.Problem(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        var name = new Option<string>("--name") { Required = true, Description = "The community's name (at most 80 characters)." };
        name.Validators.Add(result => RequireLength(result, "name", 1, 80));
        var tagline = new Option<string>("--tagline") { Description = "One line under the name (at most 160 characters).", DefaultValueFactory = _ => "" };
        tagline.Validators.Add(result => RequireLength(result, "tagline", 0, 160));

        var command = new Command("add", "Create a community.") { slug, name, tagline };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => AddAsync(context, new Community
        {
            Slug = parsed.GetRequiredValue(slug),
            Name = parsed.GetRequiredValue(name).Trim(),
            Tagline = parsed.GetRequiredValue(tagline).Trim(),
        }), cancellationToken));
        return command;
    }

    private static async Task<int> AddAsync(AdminContext context, Community community)
    {
        var db = context.Get<FolioDb>();
        if (await db.Communities.AnyAsync(c => c.Slug == community.Slug, context.CancellationToken))
        {
            return context.Fail($"A community already answers at /{community.Slug}. Choose another slug.");
        }

        community.CreatedAt = context.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        db.Communities.Add(community);
        await db.SaveChangesAsync(context.CancellationToken);
        return context.Done($"created community {community.Slug} (/{community.Slug})");
    }

    private static void RequireLength(System.CommandLine.Parsing.OptionResult result, string what, int min, int max)
    {
        if (result.GetValueOrDefault<string>()?.Trim().Length is not { } length || length < min || length > max)
        {
            result.AddError(min == 0 ? $"Keep the {what} to {max} characters." : $"Give a {what} of {min}–{max} characters.");
        }
    }
}

using Folio.Features.Audit;
using System.CommandLine;
using Folio.Data;
using Folio.Features.Communities;

namespace Folio.Features.Admin;

/// <summary>`community add`: a new community at /{slug}, ready for stories.</summary>
public static class CommunityCommands
{
    public static Command Create(AdminHost host) => new("community", "Create communities.") { Add(host) };

    private static Command Add(AdminHost host)
    {
        var slug = new Option<string>("--slug") { Required = true, Description = $"The address, /{{slug}}: {CommunitySlugRules.Requirement}." };
        slug.Validators.Add(result => Check(result, CommunitySlugRules.Problem));
        var name = new Option<string>("--name") { Required = true, Description = $"The community's name (at most {CommunityRules.NameMaxLength} characters)." };
        name.Validators.Add(result => Check(result, CommunityRules.NameProblem));
        var tagline = new Option<string>("--tagline")
        {
            Description = $"One line under the name (at most {CommunityRules.TaglineMaxLength} characters).",
            DefaultValueFactory = _ => "",
        };
        tagline.Validators.Add(result => Check(result, CommunityRules.TaglineProblem));

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
        if (await db.IsSlugTakenAsync(community.Slug, context.CancellationToken))
        {
            return context.Fail(CommunityRules.SlugTaken(community.Slug));
        }

        community.CreatedAt = context.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        db.Communities.Add(community);

        // The entry names the community by its id, which the first save gives it; the transaction keeps both or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await context.Get<AuditLog>().RecordAsync(AuditActions.CommunityCreate, "community", community.Id.ToString(),
            $"Created the community {community.Name} (/{community.Slug})", null,
            new { slug = community.Slug, name = community.Name, tagline = community.Tagline }, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return context.Done($"created community {community.Slug} (/{community.Slug})");
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, Func<string?, string?> rule)
    {
        if (rule(result.GetValueOrDefault<string>()) is { } problem)
        {
            result.AddError(problem);
        }
    }
}

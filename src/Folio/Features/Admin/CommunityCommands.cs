using System.CommandLine;
using System.CommandLine.Parsing;
using Folio.Data;
using Folio.Features.Communities;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Admin;

/// <summary>`community add` and `community edit`: the same checks, logo handling and audit entries as the admin pages.</summary>
public static class CommunityCommands
{
    public static Command Create(AdminHost host) => new("community", "Create and edit communities.") { Add(host), Edit(host) };

    private sealed record Branding(Option<string> Tagline, Option<string> Description, Option<string> Accent, Option<FileInfo> Logo)
    {
        public static Branding Options() => new(
            Checked(new Option<string>("--tagline") { Description = $"One line under the name (at most {CommunityRules.TaglineMaxLength} characters)." },
                CommunityRules.TaglineProblem),
            Checked(new Option<string>("--description") { Description = $"What the community is about (at most {CommunityRules.DescriptionMaxLength} characters)." },
                CommunityRules.DescriptionProblem),
            Checked(new Option<string>("--accent") { Description = "The accent colour, #rrggbb, with at least 4.5:1 contrast against white text." },
                CommunityRules.AccentColorProblem),
            new Option<FileInfo>("--logo") { Description = $"A PNG, JPEG or WebP logo (at most {CommunityLogos.MaxBytes / 1024 / 1024} MB), re-encoded as a square PNG. SVG is refused." });

        public IEnumerable<Option> All => [Tagline, Description, Accent, Logo];
    }

    private static Command Add(AdminHost host)
    {
        var slug = Checked(new Option<string>("--slug") { Required = true, Description = $"The address, /{{slug}}: {CommunitySlugRules.Requirement}." },
            CommunitySlugRules.Problem);
        var name = Checked(new Option<string>("--name") { Required = true, Description = $"The community's name (at most {CommunityRules.NameMaxLength} characters)." },
            CommunityRules.NameProblem);
        var branding = Branding.Options();
        var command = new Command("add", "Create a community.") { slug, name };
        foreach (var option in branding.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            var change = new CommunityChange
            {
                Slug = parsed.GetRequiredValue(slug),
                Name = parsed.GetRequiredValue(name),
                Tagline = parsed.GetValue(branding.Tagline) ?? "",
                Description = parsed.GetValue(branding.Description),
                AccentColor = parsed.GetValue(branding.Accent),
            };
            if (await WithLogoAsync(context, change, parsed.GetValue(branding.Logo)) is not { } withLogo)
            {
                return 1;
            }

            var result = await context.Get<CommunityChanges>().CreateAsync(withLogo, context.CancellationToken);
            if (!result.Succeeded)
            {
                context.Get<CommunityLogos>().DeleteIfUploaded(withLogo.LogoUrl);
                return context.Fail(string.Join(" ", result.Problems.Values));
            }

            return context.Done($"created community {result.Community!.Slug} (/{result.Community.Slug})");
        }, cancellationToken));
        return command;
    }

    private static Command Edit(AdminHost host)
    {
        var slug = new Option<string>("--slug") { Required = true, Description = "The community to edit, by its current slug." };
        var newSlug = Checked(new Option<string>("--new-slug") { Description = "A new address; the old one redirects to it." }, CommunitySlugRules.Problem);
        var name = Checked(new Option<string>("--name") { Description = "A new name." }, CommunityRules.NameProblem);
        var archive = new Option<bool>("--archive") { Description = "Archive it: its stories stay readable, new submissions are refused." };
        var unarchive = new Option<bool>("--unarchive") { Description = "Take submissions again." };
        var branding = Branding.Options();
        var command = new Command("edit", "Change a community; options left out stay as they are.") { slug, newSlug, name, archive, unarchive };
        foreach (var option in branding.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(archive) && result.GetValue(unarchive))
            {
                result.AddError("Give --archive or --unarchive, not both.");
            }
        });
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, async context =>
        {
            var current = parsed.GetRequiredValue(slug).ToLowerInvariant();
            var community = await context.Get<FolioDb>().Communities.FirstOrDefaultAsync(c => c.Slug == current, context.CancellationToken);
            if (community is null)
            {
                return context.Fail($"no community answers at /{current}");
            }

            var change = new CommunityChange
            {
                Slug = parsed.GetValue(newSlug),
                Name = parsed.GetValue(name),
                Tagline = parsed.GetValue(branding.Tagline),
                Description = parsed.GetValue(branding.Description),
                AccentColor = parsed.GetValue(branding.Accent),
                Archived = parsed.GetValue(archive) ? true : parsed.GetValue(unarchive) ? false : null,
            };
            if (await WithLogoAsync(context, change, parsed.GetValue(branding.Logo)) is not { } withLogo)
            {
                return 1;
            }

            var previousLogo = community.LogoUrl;
            var result = await context.Get<CommunityChanges>().EditAsync(community, withLogo, context.CancellationToken);
            var logos = context.Get<CommunityLogos>();
            if (!result.Succeeded)
            {
                logos.DeleteIfUploaded(withLogo.LogoUrl);
                return context.Fail(string.Join(" ", result.Problems.Values));
            }

            if (withLogo.LogoUrl is not null)
            {
                logos.DeleteIfUploaded(previousLogo);
            }

            return context.Done(result.Changed ? $"edited community {community.Slug} (/{community.Slug})" : $"community {community.Slug} unchanged");
        }, cancellationToken));
        return command;
    }

    /// <summary>The change with the stored logo's URL, or null (having said why) when the file can't be used.</summary>
    private static async Task<CommunityChange?> WithLogoAsync(AdminContext context, CommunityChange change, FileInfo? logo)
    {
        if (logo is null)
        {
            return change;
        }

        if (!logo.Exists)
        {
            context.Fail($"no file at {logo.FullName}");
            return null;
        }

        await using var stream = logo.OpenRead();
        var (url, error) = await context.Get<CommunityLogos>().SaveAsync(stream, logo.Length, context.CancellationToken);
        if (error is not null)
        {
            context.Fail(error);
            return null;
        }

        return change with { LogoUrl = url };
    }

    private static Option<string> Checked(Option<string> option, Func<string?, string?> rule)
    {
        option.Validators.Add(result =>
        {
            if (rule(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }
}

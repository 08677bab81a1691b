using System.CommandLine;
using Folio.Features.Creators;
using Folio.Features.Tokens;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Admin;

/// <summary>`token add`: a personal access token for the API, printed once and stored only as a hash.</summary>
public static class TokenCommands
{
    public const int MaxNameLength = 80;

    public static Command Create(AdminHost host) => new("token", "Issue personal access tokens for the API.") { Add(host) };

    private static Command Add(AdminHost host)
    {
        var username = new Option<string>("--username") { Required = true, Description = "The account the token acts as." };
        var name = new Option<string>("--name")
        {
            Description = "A label that tells this token apart from the account's others.",
            DefaultValueFactory = _ => "command line",
        };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>()?.Trim() is not { Length: > 0 and <= MaxNameLength })
            {
                result.AddError($"Give the token a label of 1–{MaxNameLength} characters.");
            }
        });

        var command = new Command("add", "Issue a token and print it, and nothing else, on standard output.") { username, name };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed,
            context => AddAsync(context, parsed.GetRequiredValue(username), parsed.GetRequiredValue(name).Trim()), cancellationToken));
        return command;
    }

    private static async Task<int> AddAsync(AdminContext context, string username, string name)
    {
        if (await context.Get<UserManager<FolioUser>>().FindByNameAsync(username) is not { } user)
        {
            return context.Fail($"No account has the username “{username}”.");
        }

        var issuer = ActivatorUtilities.CreateInstance<TokenIssuer>(context.Services);
        return context.Done(await issuer.IssueAsync(user.Id, name, context.CancellationToken));
    }
}

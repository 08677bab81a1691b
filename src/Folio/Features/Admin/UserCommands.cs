using Folio.Features.Audit;
using System.CommandLine;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.People;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Admin;

/// <summary>
/// `user add`, `user role` and `user password`: accounts made by the operator, with the same rules as sign-up;
/// `user suspend`, `user ban` and `user unsuspend`, with the same rules as /admin/people.
/// </summary>
public static class UserCommands
{
    public static Command Create(AdminHost host) => new("user", "Create accounts, grant roles, set passwords, suspend and ban.")
    {
        Add(host), Role(host), Password(host), Suspend(host), Ban(host), Unsuspend(host),
    };

    private static Command Add(AdminHost host)
    {
        var email = new Option<string>("--email") { Required = true, Description = "The account's email address." };
        var username = NewUsernameOption();
        var name = new Option<string>("--name") { Required = true, Description = "The name readers see (at most 80 characters)." };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>()?.Trim() is not { Length: > 0 and <= 80 })
            {
                result.AddError("Give a display name of 1–80 characters.");
            }
        });
        var role = RoleOption();
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Required = true,
            Description = "Read the password (at least 10 characters) from the first line of standard input.",
        };

        var command = new Command("add", "Create an account. Every account is a reader; --role adds what it builds on.")
        {
            email, username, name, role, passwordStdin,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                return Task.FromResult(AdminContext.Fail(parsed.InvocationConfiguration.Error,
                    "No password on standard input. Write it as the first line, e.g. `… --password-stdin < password.txt`."));
            }

            var user = new FolioUser
            {
                Email = parsed.GetRequiredValue(email).Trim(),
                UserName = parsed.GetRequiredValue(username),
                DisplayName = parsed.GetRequiredValue(name).Trim(),
            };
            return host.RunAsync(parsed, context => AddAsync(context, user, password, parsed.GetRequiredValue(role)), cancellationToken);
        });
        return command;
    }

    private static Command Role(AdminHost host)
    {
        var username = new Option<string>("--username") { Required = true, Description = "The account to grant the role to." };
        var role = RoleOption();
        var command = new Command("role", "Grant an existing account a role, with the roles it builds on.") { username, role };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed,
            context => GrantAsync(context, parsed.GetRequiredValue(username), parsed.GetRequiredValue(role)), cancellationToken));
        return command;
    }

    private static Command Password(AdminHost host)
    {
        var username = new Option<string>("--username") { Required = true, Description = "The account whose password to set." };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Required = true,
            Description = "Read the new password (at least 10 characters) from the first line of standard input.",
        };
        var command = new Command("password", "Set an account's password, e.g. to sign in as a demo creator.") { username, passwordStdin };
        command.SetAction((parsed, cancellationToken) =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                return Task.FromResult(AdminContext.Fail(parsed.InvocationConfiguration.Error,
                    "No password on standard input. Write it as the first line, e.g. `… --password-stdin < password.txt`."));
            }

            return host.RunAsync(parsed, context => SetPasswordAsync(context, parsed.GetRequiredValue(username), password), cancellationToken);
        });
        return command;
    }

    private static Command Suspend(AdminHost host)
    {
        var username = new Option<string>("--username") { Required = true, Description = "The account to suspend." };
        var days = new Option<int?>("--days") { Description = $"How many days the suspension lasts (1–{PeopleAdmin.MaxDays})." };
        var until = new Option<DateTime?>("--until") { Description = "When the suspension ends, as a UTC date or time (2026-12-31 or 2026-12-31T18:00)." };
        var reason = ReasonOption();
        var command = new Command("suspend", "Suspend an account: it can sign in and read, but not write, comment, heart or give insights.")
        {
            username, days, until, reason,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(days) is null) == (result.GetValue(until) is null))
            {
                result.AddError("Give either --days or --until.");
            }
        });
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => WithAccountAsync(context, parsed.GetRequiredValue(username), (people, user) =>
        {
            var now = context.Get<TimeProvider>().GetUtcNow().UtcDateTime;
            var end = parsed.GetValue(days) is { } n
                ? now.AddDays(Math.Clamp(n, -1, PeopleAdmin.MaxDays + 1))
                : DateTime.SpecifyKind(parsed.GetValue(until)!.Value, DateTimeKind.Utc);
            return people.SuspendAsync(user, end, parsed.GetRequiredValue(reason), null, context.CancellationToken);
        }), cancellationToken));
        return command;
    }

    private static Command Ban(AdminHost host)
    {
        var username = new Option<string>("--username") { Required = true, Description = "The account to ban." };
        var reason = ReasonOption();
        var command = new Command("ban", "Ban an account: a suspension that lasts until it is lifted.") { username, reason };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => WithAccountAsync(context, parsed.GetRequiredValue(username),
            (people, user) => people.BanAsync(user, parsed.GetRequiredValue(reason), null, context.CancellationToken)), cancellationToken));
        return command;
    }

    private static Command Unsuspend(AdminHost host)
    {
        var username = new Option<string>("--username") { Required = true, Description = "The account whose suspension or ban to lift." };
        var command = new Command("unsuspend", "Lift an account's suspension or ban.") { username };
        command.SetAction((parsed, cancellationToken) => host.RunAsync(parsed, context => WithAccountAsync(context, parsed.GetRequiredValue(username),
            (people, user) => people.UnsuspendAsync(user, context.CancellationToken)), cancellationToken));
        return command;
    }

    private static async Task<int> WithAccountAsync(AdminContext context, string username, Func<PeopleAdmin, FolioUser, Task<PeopleOutcome>> act)
    {
        if (await context.Get<UserManager<FolioUser>>().FindByNameAsync(username) is not { } user)
        {
            return context.Fail($"No account has the username “{username}”.");
        }

        var outcome = await act(context.Get<PeopleAdmin>(), user);
        return outcome.Done ? context.Done(outcome.Message) : context.Fail(outcome.Message);
    }

    private static Option<string> ReasonOption()
    {
        var reason = new Option<string>("--reason") { Required = true, Description = $"Why, in words the person is shown (at most {PeopleAdmin.ReasonLength} characters)." };
        reason.Validators.Add(result =>
        {
            if (PeopleAdmin.ReasonProblem(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return reason;
    }

    private static async Task<int> SetPasswordAsync(AdminContext context, string username, string password)
    {
        var users = context.Get<UserManager<FolioUser>>();
        if (await users.FindByNameAsync(username) is not { } user)
        {
            return context.Fail($"No account has the username “{username}”.");
        }

        var validation = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, password)));
        var problems = validation.SelectMany(r => r.Errors).Select(e => e.Description).ToList();
        if (problems.Count > 0)
        {
            return context.Fail(string.Join(Environment.NewLine, problems));
        }

        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }

        var set = await users.AddPasswordAsync(user, password);
        if (!set.Succeeded)
        {
            return context.Fail(string.Join(Environment.NewLine, set.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return context.Done($"set the password of {user.UserName}");
    }

    private static async Task<int> AddAsync(AdminContext context, FolioUser user, string password, string role)
    {
        var users = context.Get<UserManager<FolioUser>>();
        user.JoinedAt = context.Get<TimeProvider>().GetUtcNow().UtcDateTime;

        // Both steps or neither: an account without its roles would be a half-made operator mistake.
        await using var transaction = await context.Get<FolioDb>().Database.BeginTransactionAsync(context.CancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return context.Fail(string.Join(Environment.NewLine, created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, RolesFor(role));
        await transaction.CommitAsync(context.CancellationToken);
        return context.Done($"created user {user.UserName} ({await RoleListAsync(users, user)})");
    }

    private static async Task<int> GrantAsync(AdminContext context, string username, string role)
    {
        var users = context.Get<UserManager<FolioUser>>();
        if (await users.FindByNameAsync(username) is not { } user)
        {
            return context.Fail($"No account has the username “{username}”.");
        }

        var current = await users.GetRolesAsync(user);
        var missing = RolesFor(role).Except(current, StringComparer.OrdinalIgnoreCase).ToArray();
        if (missing.Length > 0)
        {
            // Added before the roles, so the user manager's one save writes both.
            var held = Roles.All.Where(r => current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
            await context.Get<AuditLog>().RecordAsync(AuditActions.RoleGrant, "user", user.Id, $"Granted {role} to @{user.UserName}",
                new { roles = held }, new { roles = Roles.All.Where(r => held.Contains(r) || missing.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList() },
                context.CancellationToken);
            await users.AddToRolesAsync(user, missing);
        }

        return context.Done($"updated user {user.UserName} ({await RoleListAsync(users, user)})");
    }

    /// <summary>Roles build on each other as on the site: everyone reads, and a trusted creator is a creator too.</summary>
    public static string[] RolesFor(string role) => role switch
    {
        Roles.Reader => [Roles.Reader],
        Roles.Trusted => [Roles.Reader, Roles.Creator, Roles.Trusted],
        _ => [Roles.Reader, role],
    };

    private static async Task<string> RoleListAsync(UserManager<FolioUser> users, FolioUser user)
    {
        var held = await users.GetRolesAsync(user);
        return string.Join(", ", Roles.All.Where(r => held.Contains(r, StringComparer.OrdinalIgnoreCase)));
    }

    private static Option<string> NewUsernameOption()
    {
        var username = new Option<string>("--username") { Required = true, Description = UsernameRules.Requirement };
        username.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !UsernameRules.IsValid(value))
            {
                result.AddError(UsernameRules.IsReserved(value)
                    ? $"“{value}” is reserved. Please choose another username."
                    : $"Usernames are {UsernameRules.Requirement}");
            }
        });
        return username;
    }

    private static Option<string> RoleOption()
    {
        var role = new Option<string>("--role") { Required = true, Description = "Every account reads; trusted includes creator." };
        role.AcceptOnlyFromAmong(Roles.All);
        return role;
    }
}

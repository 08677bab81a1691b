using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Standing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Accounts;

public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<FolioUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.User.AllowedUserNameCharacters = UsernameRules.AllowedCharacters;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                // Lockout stays for operators' locks; failed sign-ins are limited by AccountRateLimiter, never by locking the account.
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<FolioDb>()
            .AddDefaultTokenProviders()
            .AddUserValidator<SharedNamespaceValidator>()
            .AddErrorDescriber<FolioIdentityErrors>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "folio.session";
            cookie.LoginPath = "/signin";
            cookie.LogoutPath = "/signout";
            cookie.AccessDeniedPath = "/error/403";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => AnswerScriptsWithStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => AnswerScriptsWithStatus(context, StatusCodes.Status403Forbidden);
        });
        // A session's roles are read again from the account this often (Identity's default is 30 minutes), so a role an
        // admin removes stops working within a minute; a suspension or ban stops writing at once (GoodStandingRequirement).
        builder.Services.Configure<SecurityStampValidatorOptions>(validator => validator.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddDataProtection().SetApplicationName("Folio").PersistKeysToDbContext<FolioDb>();
        builder.Services.AddAuthorizationBuilder().AddFolioPolicies();
        builder.AddStanding();
        builder.Services.AddOptions<AccountLimits>().BindConfiguration(AccountLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AccountRateLimiter>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<AccountBatch>();
        builder.Services.AddScoped<LockedAccounts>();
        builder.Services.AddScoped<SignedInAccount>();
        return builder;
    }

    // Pages redirect to sign-in; a script asking for JSON gets a status it can act on (keep the text, offer to sign in).
    private static Task AnswerScriptsWithStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var wantsJson = context.Request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (wantsJson)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

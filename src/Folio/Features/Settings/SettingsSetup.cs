using Folio.Features.Tokens;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Folio.Features.Settings;

public static class SettingsSetup
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AvatarStore>();
        builder.Services.AddScoped<UsernameChanges>();
        builder.Services.AddScoped<FormerMemberAccount>();
        builder.Services.AddScoped<AccountDeletion>();
        builder.Services.AddScoped<AccountExporter>();
        builder.Services.TryAddScoped<TokenIssuer>();
        return builder;
    }
}

namespace Folio.Features.People;

public static class PeopleSetup
{
    /// <summary>Part of every Folio process (AddFolioCore): the command line suspends and bans with the same rules as /admin/people.</summary>
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeopleAdmin>();
        builder.Services.AddScoped<SignInHistory>();
        return builder;
    }
}

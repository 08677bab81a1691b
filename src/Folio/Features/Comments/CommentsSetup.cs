namespace Folio.Features.Comments;

public static class CommentsSetup
{
    public static WebApplicationBuilder AddComments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CommentRateLimiter>();
        builder.Services.AddScoped<CommentLoader>();
        builder.Services.AddScoped<CommentPosting>();
        return builder;
    }
}

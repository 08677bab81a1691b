namespace Folio.Shared.Images;

public static class ImagesSetup
{
    public static WebApplicationBuilder AddUploadedImages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImageOptions>().BindConfiguration(ImageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PixelBudget>();
        builder.Services.AddSingleton<UploadedImages>();
        builder.Services.AddSingleton<ImageVariants>();
        return builder;
    }
}

using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Arm;

public sealed class AppSettingsTests
{
    private static async Task<JObject> AppSettingsAsync() =>
        (JObject)(await Snapshot.OfAsync(Snapshot.Minimal)).Single("Microsoft.Web/sites/config", "/appsettings")["properties"]!;

    [Fact]
    public async Task AppSettings_HaveEveryNameTheAppReads()
    {
        string[] contract =
        [
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AZURE_CLIENT_ID",
            "SENDGRID_API_KEY", "SENDGRID_FROM_EMAIL", "DFE_VACANCIES_API_KEY", "DFE_VACANCIES_BASE_URL", "POSTCODES_BASE_URL",
            "TOKEN_SIGNING_KEY", "PUBLIC_BASE_URL", "SITE_ORIGIN", "ICS_NAME", "ICS_CODE", "AREA_LATITUDE", "AREA_LONGITUDE",
            "AREA_RADIUS_MILES", "GEOCODE_RETRY_SCHEDULE", "SIGNUP_RECOVERY_SCHEDULE", "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "OTEL_SERVICE_NAME",
        ];

        var names = (await AppSettingsAsync()).Properties().Select(p => p.Name).ToList();

        Assert.Empty(contract.Except(names));
    }

    [Fact]
    public async Task AppSettings_SetEveryTimerScheduleTheAppDefines()
    {
        // function.json says "%SETTING%"; the Functions host does not read appsettings.json, so a missing app setting
        // leaves that timer function broken in Azure.
        var defaults = JObject.Parse(File.ReadAllText(RepoPaths.InRoot("functions", "CareersPipeline.Functions", "appsettings.json")));
        var schedules = defaults.Properties().Where(p => p.Name.EndsWith("_SCHEDULE", StringComparison.Ordinal)).ToList();
        var settings = await AppSettingsAsync();

        Assert.NotEmpty(schedules);
        Assert.All(schedules, s => Assert.Equal(s.Value.Value<string>(), settings.Value<string>(s.Name)));
    }

    [Fact]
    public async Task AppSettings_ConnectToStorageWithTheManagedIdentityAndCarryNoKeys()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("managedidentity", settings.Value<string>("AzureWebJobsStorage__credential"));
        Assert.Equal(settings.Value<string>("AZURE_CLIENT_ID"), settings.Value<string>("AzureWebJobsStorage__clientId"));
        Assert.Null(settings["AzureWebJobsStorage"]); // a connection string would need a key
        Assert.All(settings.Properties(), p =>
        {
            var value = p.Value.Value<string>() ?? "";
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", value, StringComparison.OrdinalIgnoreCase);
        });
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', reference(", settings.Value<string>("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_LeaveOutWhatFlexConsumptionRejects()
    {
        var settings = await AppSettingsAsync();

        // Flex Consumption takes the runtime from functionAppConfig and refuses these as app settings.
        Assert.Null(settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Null(settings["FUNCTIONS_EXTENSION_VERSION"]);
        Assert.Null(settings["WEBSITE_RUN_FROM_PACKAGE"]);
        Assert.Null(settings["WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"]);
    }

    [Fact]
    public async Task SecretSettings_AreKeyVaultReferencesFromTheSecretModule()
    {
        var settings = await AppSettingsAsync();
        var template = await CompiledTemplate.MainAsync();
        var secretModuleOutput = ArmTemplate.AllTemplates(template)
            .Select(t => t.SelectToken("outputs.appSettingReference.value")).OfType<JValue>().Select(v => v.Value<string>())
            .Distinct().Single();

        // A secret setting is the secret module's output: a Key Vault reference, or '' when the optional secret is not
        // created. The snapshot inlines the output where it can (the token signing key) and keeps the module's
        // output expression where the condition hangs on a secure parameter it does not evaluate.
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", secretModuleOutput, StringComparison.Ordinal);
        Assert.EndsWith(".secretUri)]", secretModuleOutput, StringComparison.Ordinal);
        Assert.StartsWith(
            "[format('@Microsoft.KeyVault(SecretUri={0})', reference('/subscriptions/",
            settings.Value<string>("TOKEN_SIGNING_KEY"),
            StringComparison.Ordinal);
        Assert.EndsWith("/secrets/token-signing-key', '2024-11-01').secretUri)]", settings.Value<string>("TOKEN_SIGNING_KEY"), StringComparison.Ordinal);
        foreach (var (name, deployment) in new[] { ("SENDGRID_API_KEY", "secret-sendgrid-api-key"), ("DFE_VACANCIES_API_KEY", "secret-dfe-vacancies-api-key") })
        {
            var value = settings.Value<string>(name)!;
            Assert.StartsWith("[coalesce(tryGet(if(", value, StringComparison.Ordinal);
            Assert.Contains($"/providers/Microsoft.Resources/deployments/{deployment}', ", value, StringComparison.Ordinal);
            Assert.EndsWith("'outputs', 'appSettingReference', 'value'), '')]", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OptionalSecrets_AreCreatedOnlyWhenAValueIsGiven()
    {
        // Secure parameters are not evaluated by `bicep snapshot`, so this reads the conditions in the compiled template.
        var deployments = ArmTemplate.AllResources(await CompiledTemplate.MainAsync())
            .Where(r => r.Value<string>("type") == "Microsoft.Resources/deployments")
            .ToDictionary(r => r.Value<string>("name")!);

        Assert.Equal("[not(empty(parameters('sendGridApiKey')))]", deployments["secret-sendgrid-api-key"].Value<string>("condition"));
        Assert.Equal("[not(empty(parameters('dfeVacanciesApiKey')))]", deployments["secret-dfe-vacancies-api-key"].Value<string>("condition"));
        Assert.Null(deployments["secret-token-signing-key"]["condition"]);
    }

    [Fact]
    public async Task AreaAndServiceSettings_DefaultToStaffordshireAndTheLiveServices()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("Staffordshire and Stoke-on-Trent", settings.Value<string>("ICS_NAME"));
        Assert.Equal("E54000010", settings.Value<string>("ICS_CODE"));
        Assert.Equal("https://api.apprenticeships.education.gov.uk/vacancies", settings.Value<string>("DFE_VACANCIES_BASE_URL"));
        Assert.Equal("https://api.postcodes.io", settings.Value<string>("POSTCODES_BASE_URL"));
        Assert.Equal("careers-pipeline", settings.Value<string>("OTEL_SERVICE_NAME"));
        Assert.Contains("defaultHostName", settings.Value<string>("PUBLIC_BASE_URL"), StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.web", settings.Value<string>("SITE_ORIGIN"), StringComparison.Ordinal);
    }
}

using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Features.Notifications;

public static class EmailFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        QueueFunction.For<EmailMessage>("SendEmail", StorageNames.Queues.Emails, (services, message, ct) => services.GetRequiredService<SignUpEmailHandler>().HandleAsync(message, ct)),
    ];
}

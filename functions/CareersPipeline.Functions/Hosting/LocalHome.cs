namespace CareersPipeline.Functions.Hosting;

/// <summary>The local developer page (/dev): where to find the API, its documentation and the outbox. The site itself is at /.</summary>
internal static class LocalHome
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>CareersPipeline (local)</title></head>
        <body><main>
        <h1>CareersPipeline is running locally</h1>
        <ul>
        <li><a href="/">The careers site</a>, served from the $web container as Azure's static website serves it</li>
        <li><a href="/api/health">Health</a>: storage reachability</li>
        <li><a href="/api/openapi/v1.json">OpenAPI document</a> of the API</li>
        <li><a href="/dev/outbox">Local outbox</a>: the emails the app has sent</li>
        <li><a href="/dev/sign-in">Development sign-in</a>: the seeded staff you can act as</li>
        <li><a href="/dev/matches">Matches</a>: each person's best matches and the link to their matches page</li>
        </ul>
        <p>Sign up through any door with <code>POST /api/signups/{website|school|event|programme}</code>; see README.md.</p>
        </main></body></html>
        """;
}

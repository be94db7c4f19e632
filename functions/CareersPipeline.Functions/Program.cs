using CareersPipeline.Functions.Hosting;

return await AppCommands.RunAsync(args);

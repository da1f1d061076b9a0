package no.tenantdesk.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.service.DatabaseService.Info;
import no.tenantdesk.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", description = {
    "Which database this is (a file, or a PostgreSQL server), its schema version,",
    "its size and how many rows each table holds."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk db info",
            "  tenantdesk --db postgresql://kari@db.eiendom.example/tenantdesk db info --json",
        })
final class DbInfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final App app;

    DbInfoCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Info info = app.databases().info();
        Output output = app.output(spec);
        if (output.json()) {
            output.json(info);
            return ExitCodes.OK;
        }
        Table facts = new Table().column("WHAT").flexible("VALUE", 20);
        facts.row("database", info.address());
        facts.row("schema version", String.valueOf(info.schemaVersion()));
        info.facts().forEach(fact -> facts.row(fact[0], fact[1]));
        output.table(facts);
        output.out().println();
        Table tables = new Table().column("TABLE").column("ROWS");
        for (Map.Entry<String, Long> table : info.tables().entrySet()) {
            tables.row(table.getKey(), String.format("%,d", table.getValue()));
        }
        output.table(tables);
        return ExitCodes.OK;
    }
}

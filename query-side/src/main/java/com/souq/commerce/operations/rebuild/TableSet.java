package com.souq.commerce.operations.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables of one read model as PostgreSQL sees them, and the two schema operations a blue-green rebuild needs.
 * <ul>
 *   <li>{@link #createCopy}: empty copies of the tables in a schema of their own, with the same columns, defaults,
 *   checks, keys, indexes (under the same names) and foreign keys among them.</li>
 *   <li>{@link #swapIn}: in the caller's transaction, the originals move out to a retired schema and the copies take
 *   their place; views over the tables are redefined onto the copies; then the originals are dropped. PostgreSQL DDL
 *   is transactional: readers see the old tables or the new ones, never a mix, and wait a moment for the swap.</li>
 * </ul>
 * Tables whose keys come from a sequence of their own ({@code serial}) are not supported: a copy would number rows
 * differently.
 */
@Component
class TableSet {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    TableSet(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The schema the read models live in (the first of the search path). */
    String baseSchema() {
        return jdbc.sql("SELECT current_schema()").query(String.class).single();
    }

    /** The search path of the engine's connections, to put a copy's schema in front of. */
    String searchPath() {
        return jdbc.sql("SELECT current_setting('search_path')").query(String.class).single();
    }

    /** (Re)creates {@code schema} holding empty copies of {@code tables} of the base schema. */
    void createCopy(String schema, List<String> tables) {
        String base = identifier(baseSchema());
        String target = identifier(schema);
        tables.forEach(TableSet::identifier);
        transaction.executeWithoutResult(status -> {
            List<String> foreignKeys = new ArrayList<>();
            jdbc.sql("DROP SCHEMA IF EXISTS " + target + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + target).update();
            for (String table : tables) {
                String original = base + "." + table;
                jdbc.sql("CREATE TABLE " + target + "." + table + " (LIKE " + original + " INCLUDING DEFAULTS"
                        + " INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE"
                        + " INCLUDING COMMENTS)").update();
                jdbc.sql("SELECT obj_description(CAST(:table AS regclass), 'pg_class')")
                        .param("table", original).query(String.class).optional()
                        .ifPresent(comment -> jdbc.sql("COMMENT ON TABLE " + target + "." + table + " IS "
                                + literal(comment)).update());
                for (Constraint key : constraints(original, "'p', 'u', 'x'")) {
                    jdbc.sql("ALTER TABLE " + target + "." + table + " ADD CONSTRAINT " + quoted(key.name()) + " "
                            + key.definition()).update();
                }
                for (String index : plainIndexes(original)) {
                    jdbc.sql(onTable(index, base, table, target)).update();
                }
                constraints(original, "'f'").forEach(key -> foreignKeys.add("ALTER TABLE " + target + "." + table
                        + " ADD CONSTRAINT " + quoted(key.name()) + " " + key.definition()));
            }
            // Foreign keys were printed relative to the base schema: resolved with the copy first in the search
            // path, a reference to a table of the set points at its copy, any other at the original.
            jdbc.sql("SELECT set_config('search_path', :path, true)")
                    .param("path", target + ", " + searchPath()).query(String.class).single();
            foreignKeys.forEach(statement -> jdbc.sql(statement).update());
        });
    }

    /**
     * Swaps the copies in {@code schema} for the originals, inside the caller's transaction, and drops the
     * originals and both schemas.
     */
    void swapIn(String schema, String retiredSchema, List<String> tables) {
        String base = identifier(baseSchema());
        String copy = identifier(schema);
        String retired = identifier(retiredSchema);
        List<String> originals = tables.stream().map(table -> base + "." + identifier(table)).toList();
        List<View> views = dependentViews(originals);
        jdbc.sql("DROP SCHEMA IF EXISTS " + retired + " CASCADE").update();
        jdbc.sql("CREATE SCHEMA " + retired).update();
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + base + "." + table + " SET SCHEMA " + retired).update();
        }
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + copy + "." + table + " SET SCHEMA " + base).update();
        }
        for (View view : views) {
            jdbc.sql("CREATE OR REPLACE VIEW " + view.name() + " AS " + view.definition()).update();
        }
        jdbc.sql("DROP TABLE " + String.join(", ", tables.stream().map(table -> retired + "." + table).toList()))
                .update();
        jdbc.sql("DROP SCHEMA " + retired).update();
        jdbc.sql("DROP SCHEMA " + copy).update();
    }

    /** Drops a copy that will not be swapped in (a cancelled or failed rebuild). */
    void dropCopy(String schema) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + identifier(schema) + " CASCADE").update();
    }

    void analyze(List<String> tables) {
        tables.forEach(table -> jdbc.sql("ANALYZE " + identifier(table)).update());
    }

    /** Row count of each table (an estimate is not enough for an operator comparing a rebuild). */
    long rows(String schema, String table) {
        return jdbc.sql("SELECT count(*) FROM " + identifier(schema) + "." + identifier(table))
                .query(Long.class).single();
    }

    private List<Constraint> constraints(String table, String types) {
        return jdbc.sql("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conrelid = CAST(:table AS regclass) AND contype IN (" + types + ") ORDER BY conname")
                .param("table", table)
                .query((row, n) -> new Constraint(row.getString(1), row.getString(2))).list();
    }

    private List<String> plainIndexes(String table) {
        return jdbc.sql("""
                        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                         WHERE i.indrelid = CAST(:table AS regclass)
                           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                         ORDER BY i.indexrelid""")
                .param("table", table).query(String.class).list();
    }

    /** Views (plain ones: a materialized view makes the swap fail, and the rebuild with it) reading the tables. */
    private List<View> dependentViews(List<String> tables) {
        List<View> views = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("""
                            SELECT DISTINCT CAST(v.oid AS regclass)::text, v.relkind, pg_get_viewdef(v.oid)
                              FROM pg_depend d
                              JOIN pg_rewrite r ON r.oid = d.objid
                              JOIN pg_class v ON v.oid = r.ev_class
                             WHERE d.classid = CAST('pg_rewrite' AS regclass)
                               AND d.refclassid = CAST('pg_class' AS regclass)
                               AND d.refobjid = CAST(:table AS regclass)
                               AND v.oid <> d.refobjid""")
                    .param("table", table)
                    .query((row, n) -> {
                        if (!"v".equals(row.getString(2))) {
                            throw new IllegalStateException(row.getString(1) + " (a materialized view) reads "
                                    + table + ": drop it or refresh it by hand before rebuilding");
                        }
                        return new View(row.getString(1), row.getString(3));
                    })
                    .list().stream().filter(view -> !views.contains(view)).forEach(views::add);
        }
        return views;
    }

    private static String onTable(String indexDefinition, String base, String table, String target) {
        Matcher on = Pattern.compile(" ON (ONLY )?(" + Pattern.quote(base) + "\\.)?" + Pattern.quote(table) + " USING ")
                .matcher(indexDefinition);
        if (!on.find()) {
            throw new IllegalStateException("Cannot copy index: " + indexDefinition);
        }
        return indexDefinition.substring(0, on.start()) + " ON " + target + "." + table + " USING "
                + indexDefinition.substring(on.end());
    }

    static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private record Constraint(String name, String definition) {
    }

    private record View(String name, String definition) {
    }
}

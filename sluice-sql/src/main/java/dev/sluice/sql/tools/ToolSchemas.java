package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

/** Input and output schemas of the data tools, as JSON Schema text. */
final class ToolSchemas {
    private ToolSchemas() {
    }

    static ObjectNode of(String json) {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    static final String NONE = "{'type':'object','properties':{}}";

    static final String SOURCE_PROP = "'source':{'type':'string','description':'Source name from list_sources (default: the default source)'}";

    static final String LIST_TABLES = "{'type':'object','properties':{" + SOURCE_PROP + ","
            + "'schema':{'type':'string','description':'Only tables in this schema'},"
            + "'pattern':{'type':'string','description':'Only tables whose name contains this text (or matches this SQL LIKE pattern)'}}}";

    static final String DESCRIBE_TABLE = "{'type':'object','properties':{"
            + "'table':{'type':'string','description':'Table name, optionally qualified: schema.table'}," + SOURCE_PROP + "},"
            + "'required':['table']}";

    static final String EXECUTE_QUERY = "{'type':'object','properties':{"
            + "'natural_language_query':{'type':'string','description':'The question in plain language (any language)'},"
            + "'sql_query':{'type':'string','description':'One read-only SQL query (SELECT/WITH/VALUES/SHOW/DESCRIBE/EXPLAIN) in the source dialect'},"
            + SOURCE_PROP + ","
            + "'catalog':{'type':'string','description':'Hint: the catalog the question is about'},"
            + "'database':{'type':'string','description':'Hint: the database/schema the question is about'},"
            + "'table':{'type':'string','description':'Hint: the table the question is about'},"
            + "'max_rows':{'type':'integer','minimum':1,'maximum':10000,'description':'Rows in this response (default: the source max_rows)'}}}";

    static final String FETCH = "{'type':'object','properties':{"
            + "'query_execution_id':{'type':'string','description':'The id execute_query returned'},"
            + "'next_token':{'type':'string','description':'The next_token of the previous page'},"
            + "'max_rows':{'type':'integer','minimum':1,'maximum':10000}},'required':['query_execution_id']}";

    static final String PAGE_OUTPUT = "'columns':{'type':'array','items':{'type':'object','properties':{'name':{'type':'string'},'type':{'type':'string'}}}},"
            + "'rows':{'type':'array','items':{'type':'object'}},'row_count':{'type':'integer'},'next_token':{'type':['string','null']}";

    static final String EXECUTE_OUTPUT = "{'type':'object','properties':{'success':{'type':'boolean'},'source':{'type':'string'},"
            + "'sql':{'type':['string','null'],'description':'The statement run; null when a question produced none'},"
            + "'query_execution_id':{'type':['string','null']}," + PAGE_OUTPUT + ","
            + "'truncated':{'type':'boolean'},'total_row_count':{'type':'integer'},'elapsed_ms':{'type':'integer'},"
            + "'summary':{'type':['string','null']},'guard':{'type':'object'},'error':{'type':'string'},"
            + "'generation':{'type':'object','description':'How the SQL was generated from natural_language_query (dialect, tables_used, notes, attempts)'}},"
            + "'required':['success']}";

    static final String FETCH_OUTPUT = "{'type':'object','properties':{'success':{'type':'boolean'},'query_execution_id':{'type':'string'},"
            + PAGE_OUTPUT + ",'error':{'type':'string'}},'required':['success']}";

    static final String GENERIC_OUTPUT = "{'type':'object','properties':{'success':{'type':'boolean'}},'required':['success']}";
}

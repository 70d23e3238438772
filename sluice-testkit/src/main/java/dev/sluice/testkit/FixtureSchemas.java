package dev.sluice.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

/** JSON Schemas of the fixture, written as JSON text so they read like the spec's tables. */
final class FixtureSchemas {
    private FixtureSchemas() {
    }

    static ObjectNode of(String json) {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    static final String EMPTY = "{'type':'object','properties':{}}";

    static final String SAMPLING_INPUT = """
            {'type':'object','properties':{'prompt':{'type':'string','description':'The prompt to send to the client model'}},
             'required':['prompt']}""";

    static final String ELICITATION_INPUT = """
            {'type':'object','properties':{'message':{'type':'string','description':'The message to show the user'}},
             'required':['message']}""";

    static final String ELICITATION_REQUEST = """
            {'type':'object','properties':{
              'username':{'type':'string','description':'Your username'},
              'email':{'type':'string','description':'Your email address','format':'email'}},
             'required':['username']}""";

    static final String SEP1034_DEFAULTS = """
            {'type':'object','properties':{
              'name':{'type':'string','description':'User name','default':'John Doe'},
              'age':{'type':'integer','description':'User age','default':30},
              'score':{'type':'number','description':'User score','default':95.5},
              'status':{'type':'string','description':'User status','enum':['active','inactive','pending'],'default':'active'},
              'verified':{'type':'boolean','description':'Verification status','default':true}}}""";

    static final String SEP1330_ENUMS = """
            {'type':'object','properties':{
              'untitledSingle':{'type':'string','description':'Choose an option','enum':['option1','option2','option3']},
              'titledSingle':{'type':'string','description':'Choose a titled option','oneOf':[
                 {'const':'value1','title':'First Option'},{'const':'value2','title':'Second Option'},{'const':'value3','title':'Third Option'}]},
              'legacyEnum':{'type':'string','description':'Choose a legacy option','enum':['opt1','opt2','opt3'],
                 'enumNames':['Option One','Option Two','Option Three']},
              'untitledMulti':{'type':'array','description':'Choose multiple options','items':{'type':'string','enum':['option1','option2','option3']}},
              'titledMulti':{'type':'array','description':'Choose multiple titled options','items':{'anyOf':[
                 {'const':'value1','title':'First Choice'},{'const':'value2','title':'Second Choice'},{'const':'value3','title':'Third Choice'}]}}}}""";

    static final String JSON_SCHEMA_2020_12 = """
            {'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',
             '$defs':{'address':{'$anchor':'addressDef','type':'object','properties':{'street':{'type':'string'},'city':{'type':'string'}}}},
             'properties':{'name':{'type':'string'},'address':{'$ref':'#/$defs/address'},
               'contactMethod':{'type':'string','enum':['phone','email']},'phone':{'type':'string'},'email':{'type':'string'}},
             'allOf':[{'anyOf':[{'required':['phone']},{'required':['email']}]}],
             'if':{'properties':{'contactMethod':{'const':'phone'}},'required':['contactMethod']},
             'then':{'required':['phone']},'else':{'required':['email']},
             'additionalProperties':false}""";

    static final String X_MCP_HEADER = """
            {'type':'object','properties':{
              'region':{'type':'string','description':'Region to run in','x-mcp-header':'Region'},
              'level':{'type':'integer','description':'Verbosity, not mirrored'}}}""";

    static final String NAME_REQUEST = "{'type':'object','properties':{'name':{'type':'string'}},'required':['name']}";
    static final String COLOR_REQUEST = "{'type':'object','properties':{'color':{'type':'string'}},'required':['color']}";
    static final String CONFIRM_REQUEST = "{'type':'object','properties':{'ok':{'type':'boolean'}},'required':['ok']}";
    static final String CONTEXT_REQUEST = "{'type':'object','properties':{'context':{'type':'string'}},'required':['context']}";
}

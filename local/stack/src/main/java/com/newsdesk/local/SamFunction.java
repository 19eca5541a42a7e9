package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.SamTemplate;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@code AWS::Serverless::Function} of template.yaml, with the settings the local stack runs it by. */
record SamFunction(String logicalId, String handlerClass, int memoryMb, int timeoutSeconds, JsonNode definition) {
    static final String TYPE = "AWS::Serverless::Function";

    static List<SamFunction> all(SamTemplate template) {
        List<SamFunction> functions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> function : template.resources(TYPE).entrySet()) {
            JsonNode definition = function.getValue();
            // "com.example.Handler::handleRequest" names the method too; RequestHandler has only the one.
            String handler = template.functionProperty(definition, "Handler").asText();
            functions.add(new SamFunction(
                    function.getKey(),
                    handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
                    template.functionProperty(definition, "MemorySize").asInt(128),
                    template.functionProperty(definition, "Timeout").asInt(3),
                    definition));
        }
        return functions;
    }

    /** The handler class, checked to be a Lambda {@link RequestHandler} on this classpath. */
    Class<? extends RequestHandler<?, ?>> handlerType() {
        Class<?> type;
        try {
            type = Class.forName(handlerClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(logicalId + "'s handler " + handlerClass
                    + " is not on the classpath: add its module to local/stack/pom.xml", e);
        }
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(logicalId + "'s handler " + handlerClass + " does not implement RequestHandler");
        }
        @SuppressWarnings("unchecked")
        Class<? extends RequestHandler<?, ?>> handlerType = (Class<? extends RequestHandler<?, ?>>) type;
        return handlerType;
    }

    /**
     * A handler made once, as a Lambda container makes it at its cold start, but given its settings: through its
     * public constructor that takes them, so that nothing of this JVM's environment reaches it.
     */
    RequestHandler<?, ?> newHandler(Settings settings) {
        try {
            return handlerType().getConstructor(Settings.class).newInstance(settings);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(logicalId + "'s handler failed to initialise", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(logicalId + "'s handler " + handlerClass + " needs a public constructor taking "
                    + Settings.class.getName(), e);
        }
    }
}

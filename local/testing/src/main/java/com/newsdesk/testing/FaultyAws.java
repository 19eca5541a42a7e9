package com.newsdesk.testing;

import com.newsdesk.local.servers.FaultProxy;
import com.newsdesk.local.servers.LocalServers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared local servers as the functions reach them through a {@link FaultProxy} each, with the bounds of
 * {@code AwsClients} shortened so that a frozen server costs a test two seconds, not four.
 */
public final class FaultyAws implements AutoCloseable {
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1000);
    public static final Duration CALL_TIMEOUT = Duration.ofMillis(2000);
    /**
     * AWS's ({@code RequestBudget.DEFAULT}, which this module cannot see): it bounds only the faulted requests, as
     * tests arrange their data through the services.
     */
    public static final Duration REQUEST_BUDGET = Duration.ofSeconds(6);
    /** The longest a request may take: its budget, then one last call, plus slack for a loaded machine. */
    public static final Duration BOUND = REQUEST_BUDGET.plus(CALL_TIMEOUT).plusSeconds(2);

    public final LocalServers servers = LocalServers.shared();
    public final FaultProxy dynamoDb = FaultProxy.start("dynamodb", servers.dynamoDbEndpoint());
    public final FaultProxy s3 = FaultProxy.start("s3", servers.s3Endpoint());

    /** The settings that send a function's SDK clients through the proxies, with the shortened bounds. */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("LOCAL_ENDPOINT_DYNAMODB", dynamoDb.endpoint().toString());
        settings.put("LOCAL_ENDPOINT_S3", s3.endpoint().toString());
        for (String service : new String[] {"DYNAMODB", "S3"}) {
            settings.put(service + "_ATTEMPT_TIMEOUT_MS", Long.toString(ATTEMPT_TIMEOUT.toMillis()));
            settings.put(service + "_CALL_TIMEOUT_MS", Long.toString(CALL_TIMEOUT.toMillis()));
        }
        settings.put("REQUEST_BUDGET_MS", Long.toString(REQUEST_BUDGET.toMillis()));
        return settings;
    }

    /** Both proxies faithful again. */
    public void clear() {
        dynamoDb.clear();
        s3.clear();
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
    }
}

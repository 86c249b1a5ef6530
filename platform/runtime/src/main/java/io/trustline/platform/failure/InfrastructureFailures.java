package io.trustline.platform.failure;

import com.mongodb.MongoClientException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.AxonTransientException;

/** The exception types that mean "unreachable or too slow", whoever threw them. */
final class InfrastructureFailures {

    private static final List<Class<? extends Throwable>> TYPES = List.of(
            // MongoDB: no server, a lost connection, an election, a server too slow to answer
            MongoSocketException.class,
            MongoTimeoutException.class,
            MongoExecutionTimeoutException.class,
            MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class,
            MongoServerUnavailableException.class,
            MongoConnectionPoolClearedException.class,
            MongoInterruptedException.class,
            // Kafka: every error the client itself calls retriable (not leader, timeout, disconnected…)
            RetriableException.class,
            // Axon: a concurrent append or an event store that could not be reached
            AxonTransientException.class,
            // a service of ours over the network, or any wait that ran out (a third party's is wrapped
            // in ThirdPartyFailure by the code that calls it)
            ConnectException.class,
            NoRouteToHostException.class,
            SocketTimeoutException.class,
            HttpConnectTimeoutException.class,
            HttpTimeoutException.class,
            TimeoutException.class);

    private InfrastructureFailures() {
    }

    static boolean matches(Throwable failure) {
        if (TYPES.stream().anyMatch(type -> type.isInstance(failure))) {
            return true;
        }
        // the driver says this when its client was closed under a request: the service is stopping
        return failure instanceof MongoClientException && failure.getMessage() != null
                && failure.getMessage().contains("state should be: open")
                || failure instanceof IllegalStateException && "state should be: open".equals(failure.getMessage());
    }
}

package io.trustline.console.layout;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Pages show a tenant's data: no cache, shared or private, keeps them after sign-out. Static files stay cacheable. */
public class NoStoreFilter {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}

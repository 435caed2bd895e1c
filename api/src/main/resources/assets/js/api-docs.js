// The API reference: Swagger UI over the document the api generates from its resources.
window.SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
});

from django.conf import settings


def client_address(request):
    """The client's IP address, from the header MAGPOST_CLIENT_IP_HEADER names."""
    value = request.META.get(settings.MAGPOST_CLIENT_IP_HEADER, "")
    # A proxy appends the address it saw; earlier entries can be forged.
    return value.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")

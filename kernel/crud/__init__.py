"""Lists, forms and record writes declared once, for every room of the platform.

``pages`` (one declaration per model: its list, detail, edit and delete pages),
``tables`` (list pages with filter, sort, page and CSV/XLSX export), ``views`` (the
generic class-based pages the declarations build on), ``urls`` (their routes),
``filters`` (the base FilterSet), ``records`` (create, change, delete with validation
and an audit entry). Who may do what is asked through ``kernel.access``; the kernel
itself knows no roles.
"""
